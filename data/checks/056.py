"""056 autoescaping, mark_safe, format_html: the answer's template lines and
Python helpers, rendered and called."""
from djqcheck import claim, equal, raises, setup, since, warns

TPL = {
    "escaping.html": (
        "{{ comment.body }}              {# escaped: the default #}\n"
        "{{ comment.body|safe }}         {# trusted, output as raw HTML #}\n"
        "{{ comment.body|escape }}       {# not escaped twice under autoescape #}\n"
        '{{ data|default:"3 &lt; 2" }}   {# literals are inserted unescaped #}\n'
        "\n"
        "{% autoescape off %}\n"
        "  {{ plain_text_email_body }}\n"
        "{% endautoescape %}"
    ),
    "inc.html": "{{ v }}",
    "outer.html": "{% autoescape off %}{% include 'inc.html' %}{% endautoescape %}",
}
setup(templates=TPL)

from django.template.loader import render_to_string

body = "<b>'x' & \"y\"</b>"
lines = render_to_string(
    "escaping.html", {"comment": {"body": body}, "data": "", "plain_text_email_body": "<p>hi</p>"}
).splitlines()
equal(lines[0].strip(), "&lt;b&gt;&#x27;x&#x27; &amp; &quot;y&quot;&lt;/b&gt;", "autoescape replaces < > ' \" and &")
equal(lines[1].strip(), body, "|safe outputs raw HTML")
equal(lines[2].strip(), lines[0].strip(), "|escape is not applied twice under autoescape")
equal(lines[3].strip(), "3 &lt; 2", "string literals in the template are inserted unescaped")
claim("  <p>hi</p>" in lines, "{% autoescape off %} disables escaping for the block")
equal(render_to_string("outer.html", {"v": "<i>"}), "<i>", "autoescape off carries into included templates")

from django.template import Context, Template

out = Template("{{ d|json_script:'cfg' }}").render(Context({"d": {"a": "</script>"}}))
claim("\\u003C/script\\u003E" in out and out.startswith('<script id="cfg" type="application/json">'), "json_script outputs escaped JSON inside its own script element")

# --- the answer's Python, verbatim ---
from django.utils.safestring import mark_safe

# a constant you wrote: fine
BADGE = mark_safe('<span class="badge">new</span>')

from django.utils.html import format_html, format_html_join


def author_link(author):
    return format_html(
        '<a href="{}">{}</a>', author.get_absolute_url(), author.name
    )


def tag_list(tags):
    return format_html_join(
        "\n", "<li>{}</li>", ((tag.name,) for tag in tags)
    )
# --- end ---

from django.utils.html import conditional_escape, escape, strip_tags
from django.utils.safestring import SafeString


class A:
    name = "<script>alert(1)</script>"

    def get_absolute_url(self):
        return "/a/?x=1&y=2"


class T:
    def __init__(self, n):
        self.name = n


claim(isinstance(BADGE, SafeString), "mark_safe() returns a SafeString")
equal(Template("{{ b }}").render(Context({"b": BADGE})), str(BADGE), "a safe string is output unescaped")
link = author_link(A())
equal(link, '<a href="/a/?x=1&amp;y=2">&lt;script&gt;alert(1)&lt;/script&gt;</a>', "format_html escapes every argument")
claim(isinstance(link, SafeString), "format_html marks the result safe")
equal(format_html("<p>{}</p>", BADGE), '<p><span class="badge">new</span></p>', "values already safe are not escaped twice")
equal(tag_list([T("a&b"), T("c")]), "<li>a&amp;b</li>\n<li>c</li>", "format_html_join escapes each item")
claim(isinstance(escape("x"), SafeString), "escape() returns a safe string")
claim(not isinstance(BADGE.strip(), SafeString), ".strip() on a safe string gives back a plain str")
claim(not isinstance(strip_tags("<b>x</b>"), SafeString), "strip_tags() output is not safe")
equal(conditional_escape(BADGE), BADGE, "conditional_escape leaves safe strings alone")


@mark_safe
def icon():
    return "<i>"


claim(isinstance(icon(), SafeString), "mark_safe can be used as a decorator")

with raises(ValueError, what="format specs such as {:.2f} do not work in format_html"):
    format_html("{:.2f}", 1.5)

if since(6, 0):
    with raises(TypeError, "args or kwargs must be provided", what="Django 6.0 removed format_html() without arguments"):
        format_html("<br>")
else:
    with warns(DeprecationWarning, what="format_html() without arguments is deprecated on 5.2"):
        format_html("<br>")
