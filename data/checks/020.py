"""020 DTL: lookup order and callables, string_if_invalid, underscore names,
the filters shown, the base/child sample as written (block.super, url ... as,
empty), extends must come first, one block name per template, include with
only, querystring (5.1+), partials (6.0), csp_nonce_attr (6.1)."""
from collections import defaultdict

from djqcheck import claim, create_tables, equal, raises, setup, since

setup(templates={
    "base.html": """{# base.html #}
<title>{% block title %}My site{% endblock %}</title>
{% include "partials/nav.html" %}
{% block content %}{% endblock %}""",
    "partials/nav.html": "<nav>{{ who|default:'anon' }}</nav>",
    "articles/article_list.html": """{# articles/article_list.html #}
{% extends "base.html" %}
{% block title %}Articles - {{ block.super }}{% endblock %}
{% block content %}
  {% for article in article_list %}
    {% url 'articles:detail' article.pk as detail_url %}
    <h2><a href="{{ detail_url }}">{{ article.title }}</a></h2>
    <p>{{ article.body|truncatewords:30 }}</p>
  {% empty %}
    <p>No articles yet.</p>
  {% endfor %}
{% endblock %}""",
})

from django.http import HttpResponse
from django.urls import include, path

article_urls = ([path("<int:pk>/", lambda r, pk: HttpResponse(""), name="detail")], "articles")
urlpatterns = [path("articles/", include(article_urls))]

from django.template import Context, Template, TemplateSyntaxError, engines
from django.template.loader import render_to_string


def r(src, **ctx):
    return engines["django"].from_string(src).render(ctx)


class Obj:
    title = "attr"
    _secret = "hidden"

    def shout(self):
        return "called"


equal(r("{{ d.title }}", d={"title": "key"}), "key", "a dictionary key is tried first")
equal(r("{{ o.title }}|{{ o.shout }}", o=Obj()), "attr|called", "then attributes; callables are called")
equal(r("{{ l.1 }}", l=["a", "b"]), "b", "then a numeric index")
equal(r("[{{ nope }}]"), "[]", "a missing variable renders '' by default")
with raises(TemplateSyntaxError, "underscore", what="names starting with an underscore are not accessible"):
    r("{{ o._secret }}", o=Obj())
equal(r("{{ d.items }}", d=defaultdict(list)), "[]",
      "with a defaultdict, d.items looks up the key 'items' first")
equal(r("{{ x }}", x="<b>"), "&lt;b&gt;", "output is autoescaped")
equal(r('{{ name|lower }} {{ v|default:"n/a" }}', name="ADA", v=""), "ada n/a", "filters after a pipe")
import datetime

equal(r('{{ c|date:"Y-m-d" }}', c=datetime.date(2025, 3, 1)), "2025-03-01", "date filter with an argument")
equal(r("{{ s|truncatewords:3 }}", s="one two three four"), "one two three …", "truncatewords")
equal(r("{# hidden #}x{% comment %}\nmulti\n{% endcomment %}"), "x", "comments render nothing")

class A:
    def __init__(self, pk, title, body):
        self.pk, self.title, self.body = pk, title, body


html = render_to_string("articles/article_list.html",
                        {"article_list": [A(3, "Hello", "w " * 40)], "who": "ann"})
claim("<title>Articles - My site</title>" in html, "block.super keeps the parent's block content")
claim("<nav>ann</nav>" in html, "include renders with the current context")
claim('<a href="/articles/3/">Hello</a>' in html, "url ... as stores the URL in a variable")
equal(html.count("w "), 30, "truncatewords:30")
claim("No articles yet." in render_to_string("articles/article_list.html", {"article_list": []}),
      "empty renders for an empty list")

with raises(TemplateSyntaxError, "first", what="extends must be the first tag"):
    Template('{% load static %}{% extends "base.html" %}')
with raises(TemplateSyntaxError, "appears more than once", what="a block name may appear only once"):
    Template("{% block a %}{% endblock %}{% block a %}{% endblock %}")
equal(r('{% include "partials/nav.html" with who="x" only %}', who="y"), "<nav>x</nav>",
      "include with ... only restricts the context")
equal(r('{% include "partials/nav.html" only %}', who="y"), "<nav>anon</nav>", "only drops the rest")

from django.test import RequestFactory

req = RequestFactory().get("/?page=2&q=x")
equal(engines["django"].from_string("{% querystring page=3 %}").render({}, request=req), "?page=3&amp;q=x",
      "querystring rebuilds the current query string with changes")

if since(6, 0):
    t = engines["django"].from_string(
        "{% partialdef item %}<li>{{ x }}</li>{% endpartialdef %}{% partial item %}")
    equal(t.render({"x": 1}), "<li>1</li>", "6.0: partialdef and partial")
else:
    with raises(TemplateSyntaxError, what="partials are new in 6.0"):
        Template("{% partialdef item %}{% endpartialdef %}")
if since(6, 1):
    from django.template import defaulttags

    claim("csp_nonce_attr" in defaulttags.register.tags, "6.1 adds the built-in csp_nonce_attr tag")
    equal(r("<script {% csp_nonce_attr %}></script>"), "<script ></script>",
          "without the csp context processor csp_nonce_attr writes nothing")
    from django.middleware.csp import ContentSecurityPolicyMiddleware
    from django.template.context_processors import csp as csp_processor

    creq = RequestFactory().get("/")
    ContentSecurityPolicyMiddleware(lambda r: None).process_request(creq)
    nonce = str(creq._csp_nonce)
    equal(r("<script {% csp_nonce_attr %}></script>", **csp_processor(creq)),
          '<script nonce="%s"></script>' % nonce, "with the csp context processor it writes nonce=\"...\"")
    from django import forms

    media = forms.Media(js=["a.js"])
    claim('nonce="%s"' % nonce in r("{% csp_nonce_attr m %}", m=media, **csp_processor(creq)),
          "given a Media object it renders the assets with the nonce")
else:
    with raises(TemplateSyntaxError, what="csp_nonce_attr is new in 6.1"):
        Template("{% csp_nonce_attr %}")

if since(6, 0):
    equal(r("{% for x in l %}{{ forloop.length }}{% endfor %}", l=[1, 2]), "22", "6.0 adds forloop.length")
equal(engines["django"].from_string("{% querystring %}").render({}, request=RequestFactory().get("/")),
      "?" if since(6, 0) else "", "since 6.0 querystring always starts with ? (5.2 renders '' when empty)")
if since(6, 1):
    from django.utils.deprecation import RemovedInDjango70Warning

    from djqcheck import warns

    with warns(RemovedInDjango70Warning, "double-dot", what="6.1 deprecates double-dot lookups"):
        r("{{ book..title }}", book={"title": "x"})
