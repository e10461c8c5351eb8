"""055 custom template tags and filters: the answer's blog_extras library
(filter, simple_tag, inclusion_tag), escaping of simple_tag output, the
"as" form, {% load %} scope and simple_block_tag."""
import sys
import types

from djqcheck import claim, create_tables, equal, queries, raises, setup, since

TPL = {
    "blog/latest_posts.html": "{% for p in posts %}[{{ p.title }}]{% endfor %}",
    "page.html": (
        "{% load blog_extras %}\n"
        "<h2>{{ author.name|initials }}</h2>\n"
        "<p>{% post_count author %} posts</p>\n"
        "{% post_count author as total %}\n"
        "{% latest_posts 3 %}|{{ total }}"
    ),
    "cards.html": "{% partialdef card %}<li>{{ p.title }}</li>{% endpartialdef %}rest",
    "base.html": "{% load blog_extras %}{% block body %}{% endblock %}",
    "child.html": '{% extends "base.html" %}{% block body %}{{ author.name|initials }}{% endblock %}',
    "includer.html": '{% load blog_extras %}{% include "included.html" %}',
    "included.html": "{{ author.name|initials }}",
}
setup(
    TEMPLATES=[
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "OPTIONS": {
                "loaders": [("django.template.loaders.locmem.Loader", TPL)],
                # stands in for blog/templatetags/blog_extras.py
                "libraries": {"blog_extras": "djqcheck.models"},
            },
        }
    ]
)

from django.db import models


class Author(models.Model):
    name = models.CharField(max_length=100)


class Post(models.Model):
    title = models.CharField(max_length=100)
    author = models.ForeignKey(Author, on_delete=models.CASCADE)
    published = models.DateTimeField()


create_tables()
blog = types.ModuleType("blog")
blog.models = types.ModuleType("blog.models")
blog.models.Post = Post
sys.modules["blog"], sys.modules["blog.models"] = blog, blog.models

# --- the answer's module, verbatim ---
# blog/templatetags/blog_extras.py
from django import template
from django.template.defaultfilters import stringfilter

from blog.models import Post

register = template.Library()


@register.filter(is_safe=True)
@stringfilter
def initials(value):
    """'Ada Lovelace' -> 'AL'"""
    return "".join(part[0].upper() for part in value.split())


@register.simple_tag
def post_count(author):
    return Post.objects.filter(author=author).count()


@register.inclusion_tag("blog/latest_posts.html")
def latest_posts(count=5):
    return {"posts": Post.objects.order_by("-published")[:count]}
# --- end ---

import datetime

from django.template import TemplateSyntaxError
from django.template.loader import get_template, render_to_string
from django.utils import timezone

ada = Author.objects.create(name="Ada Lovelace")
now = timezone.now()
for i in range(5):
    Post.objects.create(title=f"p{i}", author=ada, published=now + datetime.timedelta(days=i))

out = render_to_string("page.html", {"author": ada})
claim("<h2>AL</h2>" in out, "the initials filter turns 'Ada Lovelace' into 'AL'")
claim("<p>5 posts</p>" in out, "{% post_count author %} prints the tag's return value")
claim(out.endswith("[p4][p3][p2]|5"), "inclusion tag renders its template with the returned dict; 'as total' stores the result")
equal(out.count("5"), 2, "the 'as' form stores the value instead of printing it")

equal(initials(5), "5", "@stringfilter converts the input to a string first")

# simple_tag output goes through conditional_escape when autoescaping is on.
from django.template import Context, Engine, Template
from django.utils.html import format_html


@register.simple_tag
def raw_html():
    return "<b>x</b>"


@register.simple_tag
def built_html():
    return format_html("<b>{}</b>", "<i>")


t = Template("{% load blog_extras %}{% raw_html %}{% built_html %}")
equal(t.render(Context()), "&lt;b&gt;x&lt;/b&gt;<b>&lt;i&gt;</b>", "simple_tag output is conditional_escape()d; format_html output stays HTML")


@register.simple_tag(takes_context=True)
def who(context):
    return context["author"].name


equal(Template("{% load blog_extras %}{% who %}").render(Context({"author": ada})), "Ada Lovelace", "takes_context passes the context as first argument")

# {% load %} is per template: a child that extends a loading parent cannot use the filter.
with raises(TemplateSyntaxError, "initials", what="{% load %} does not carry over to templates that extend it"):
    get_template("child.html")
with raises(TemplateSyntaxError, "initials", what="{% load %} does not carry over to templates it includes"):
    render_to_string("includer.html", {"author": ada})

# Unknown library -> "is not a registered tag library".
with raises(TemplateSyntaxError, "is not a registered tag library", what="loading an unknown library fails"):
    Template("{% load nope_extras %}")

# simple_block_tag (new in 5.2) receives the rendered content.
@register.simple_block_tag
def shout(content):
    return content.upper()


equal(Template("{% load blog_extras %}{% shout %}hi {{ n }}{% endshout %}").render(Context({"n": "<x>"})), "HI &amp;LT;X&amp;GT;", "simple_block_tag receives content, the rendered (already escaped) text between the tags; like simple_tag its plain-str result is escaped")

# Django 6.0+: template partials as an in-file alternative to an inclusion tag.
if since(6, 0):
    t = Template("{% partialdef card %}<li>{{ p.title }}</li>{% endpartialdef %}{% for p in posts %}{% partial card %}{% endfor %}")
    equal(t.render(Context({"posts": Post.objects.order_by("title")[:2]})), "<li>p0</li><li>p1</li>", "{% partialdef %}/{% partial %} reuse a fragment within one template (6.0+)")
    equal(get_template("cards.html#card").render({"p": {"title": "z"}}), "<li>z</li>", "other code reaches a partial as 'page.html#name'")
else:
    with raises(TemplateSyntaxError, what="template partials do not exist on 5.2"):
        Template("{% partialdef card %}x{% endpartialdef %}")
