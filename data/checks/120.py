"""120 template partials: the answer's tasks.html and views through the test
client on 6.0+: the full page renders every item through the inline
partial, the toggle view returns only the <li> from "tasks.html#task-item",
include/get_template with #name, an unknown name raising
TemplateDoesNotExist, a non-inline partialdef rendering nothing where it is
defined, {% partial %} inside {% with %}; on 5.2 the tags do not exist."""
from djqcheck import claim, create_tables, equal, raises, setup, since

TASKS = """
<h1>Tasks</h1>
<ul id="task-list">
  {% for task in tasks %}
    {% partialdef task-item inline %}
      <li id="task-{{ task.pk }}">
        {{ task.title }}{% if task.done %} (done){% endif %}
        <button hx-post="{% url 'task-toggle' task.pk %}"
                hx-target="#task-{{ task.pk }}" hx-swap="outerHTML">
          Toggle
        </button>
      </li>
    {% endpartialdef task-item %}
  {% endfor %}
</ul>
"""
OTHER = """{% partialdef badge %}<b>{{ task.title }}</b>{% endpartialdef %}[{% with task=featured %}{% partial badge %}{% endwith %}]"""
INCLUDE = """{% for task in tasks %}{% include "shop/tasks.html#task-item" %}{% endfor %}"""
setup(templates={"shop/tasks.html": TASKS, "other.html": OTHER, "inc.html": INCLUDE})

from django.db import models


class Task(models.Model):
    owner = models.ForeignKey("auth.User", on_delete=models.CASCADE)
    title = models.CharField(max_length=100)
    done = models.BooleanField(default=False)


from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_POST



@login_required
def task_list(request):
    tasks = Task.objects.filter(owner=request.user).order_by("pk")
    return render(request, "shop/tasks.html", {"tasks": tasks})


@login_required
@require_POST
def toggle_task(request, pk):
    task = get_object_or_404(Task, pk=pk, owner=request.user)
    task.done = not task.done
    task.save(update_fields=["done"])
    # only the <li>, rendered from the same markup as the full page
    return render(request, "shop/tasks.html#task-item", {"task": task})


from django.urls import path

urlpatterns = [
    path("tasks/", task_list),
    path("tasks/<int:pk>/toggle/", toggle_task, name="task-toggle"),
]
create_tables()
from django.contrib.auth.models import User
from django.template import TemplateDoesNotExist, TemplateSyntaxError
from django.template.loader import get_template, render_to_string
from django.test import Client

u = User.objects.create_user("u")
other = User.objects.create_user("o")
t1 = Task.objects.create(owner=u, title="Write")
t2 = Task.objects.create(owner=u, title="Test", done=True)
c = Client()
c.force_login(u)

if since(6, 0):
    page = c.get("/tasks/").content.decode()
    equal(page.count("<li id="), 2, "the list page renders every item through the inline partial")
    claim("Test (done)" in page and "<h1>Tasks</h1>" in page, "inside the full page")
    claim('hx-post="/tasks/%d/toggle/"' % t1.pk in page, "with the toggle URL")
    r = c.post(f"/tasks/{t1.pk}/toggle/")
    body = r.content.decode().strip()
    claim(body.startswith(f'<li id="task-{t1.pk}">') and body.endswith("</li>"), "the toggle view returns just the <li>")
    claim("<h1>" not in body and "Write (done)" in body, "rendered with the updated task")
    equal(c.get(f"/tasks/{t1.pk}/toggle/").status_code, 405, "require_POST")
    c2 = Client()
    c2.force_login(other)
    equal(c2.post(f"/tasks/{t1.pk}/toggle/").status_code, 404, "the fragment view checks ownership")
    inc = render_to_string("inc.html", {"tasks": Task.objects.order_by("pk")})
    equal(inc.count("<li id="), 2, '{% include "shop/tasks.html#task-item" %} works')
    claim("Toggle" in get_template("shop/tasks.html#task-item").render({"task": t2}), "get_template('...#task-item') works")
    with raises(TemplateDoesNotExist, what="an unknown partial name raises TemplateDoesNotExist"):
        get_template("shop/tasks.html#nope")
    equal(render_to_string("other.html", {"featured": t1}), "[<b>Write</b>]",
          "without inline a partialdef outputs nothing where defined; {% with %} feeds {% partial %}")
    equal(render_to_string("other.html", {"featured": type("T", (), {"title": "<x>"})()}), "[<b>&lt;x&gt;</b>]",
          "autoescaping works as everywhere else")
else:
    with raises(TemplateSyntaxError, "partialdef", "on 5.2 partialdef is not a built-in tag"):
        get_template("shop/tasks.html")

r = Client().post(f"/tasks/{t1.pk}/toggle/")
equal(r.status_code, 302, "anonymous users are sent to log in (login_required), not a 500")
Task.objects.create(owner=other, title="Not mine")
if since(6, 0):
    equal(c.get("/tasks/").content.decode().count("<li id="), 2, "the list shows only the user's tasks")
