"""164 SerializerMethodField, source, read_only/write_only: the answer's
Article/ArticleSerializer and SignupSerializer verbatim: output shape,
source renaming in both directions, errors keyed by the API name, None on a
dotted path, N+1 from dotted sources, method fields read-only and context,
read-only input ignored, write_only never rendered and hashed by
create_user, read_only_fields/extra_kwargs ignored for declared fields, the
assertions (redundant source, both flags, readonly_fields, writable dotted
source)."""
from djqcheck import claim, create_tables, equal, queries, raises, setup

setup(installed_apps=["rest_framework"])

# --- the answer's first example, verbatim ---
from django.contrib.auth.models import User
from django.db import models
from rest_framework import serializers


class Article(models.Model):
    title = models.CharField(max_length=200)
    body = models.TextField()
    author = models.ForeignKey(
        User, null=True, on_delete=models.SET_NULL
    )


class ArticleSerializer(serializers.ModelSerializer):
    headline = serializers.CharField(source="title", max_length=200)
    author_name = serializers.CharField(
        source="author.username", read_only=True, allow_null=True
    )
    word_count = serializers.SerializerMethodField()
    is_mine = serializers.SerializerMethodField()

    class Meta:
        model = Article
        fields = [
            "id", "headline", "body", "author",
            "author_name", "word_count", "is_mine",
        ]
        read_only_fields = ["author"]

    def get_word_count(self, obj):
        return len(obj.body.split())

    def get_is_mine(self, obj):
        request = self.context.get("request")
        user = request.user if request else None
        return bool(
            user and user.is_authenticated and obj.author_id == user.id
        )


# --- the answer's second example, verbatim ---
class SignupSerializer(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = ["id", "username", "email", "password"]
        extra_kwargs = {
            "password": {"write_only": True, "min_length": 8},
            "email": {"required": True, "allow_blank": False},
        }

    def create(self, validated_data):
        return User.objects.create_user(**validated_data)
# --- end ---


class Stamp(models.Model):
    created = models.DateTimeField(auto_now_add=True)


create_tables()
import json

from django.contrib.auth.models import AnonymousUser
from rest_framework.test import APIRequestFactory
from rest_framework.request import Request

ann = User.objects.create_user("ann")
bob = User.objects.create_user("bob")
art = Article.objects.create(title="Hi", body="two words", author=ann)
req = Request(APIRequestFactory().get("/"))
req.user = ann
data = ArticleSerializer(art, context={"request": req}).data
equal(json.loads(json.dumps(data)), {"id": art.id, "headline": "Hi", "body": "two words", "author": ann.id, "author_name": "ann", "word_count": 2, "is_mine": True}, "the output shown for ann's article")
equal(ArticleSerializer(art).data["is_mine"], False, "without the request in context is_mine is false")
req.user = bob
equal(ArticleSerializer(art, context={"request": req}).data["is_mine"], False, "is_mine is false for another user")
orphan = Article.objects.create(title="O", body="x", author=None)
req.user = AnonymousUser()
d = ArticleSerializer(orphan, context={"request": req}).data
equal((d["author_name"], d["is_mine"]), (None, False), "a None step in a dotted source gives null with allow_null=True")


class NoNull(serializers.ModelSerializer):
    author_name = serializers.CharField(source="author.username", read_only=True)
    with_default = serializers.CharField(source="author.username", read_only=True, default="nobody")

    class Meta:
        model = Article
        fields = ["title", "author_name", "with_default"]


equal(dict(NoNull(orphan).data), {"title": "O", "with_default": "nobody"}, "without allow_null the read-only field is left out; default= is used when given")

# method field: default get_<name>, method_name=, read-only
claim(ArticleSerializer().fields["word_count"].read_only, "SerializerMethodField is always read-only")


class Alt(serializers.Serializer):
    size = serializers.SerializerMethodField(method_name="compute")

    def compute(self, obj):
        return 42


equal(Alt({"x": 1}).data["size"], 42, "method_name= picks another method")

# input: source renames both ways; read-only input ignored
s = ArticleSerializer(data={"headline": "New", "body": "b", "author": bob.id, "author_name": "zz", "word_count": 99, "is_mine": True})
claim(s.is_valid(), "read-only keys in input cause no error")
equal(dict(s.validated_data), {"title": "New", "body": "b"}, "validated data is keyed by title; read-only values are dropped")
obj = s.save()
equal((obj.title, obj.author_id), ("New", None), "save() works unchanged with source='title'; author ignored")
s = ArticleSerializer(data={"body": "b"})
s.is_valid()
equal(list(s.errors), ["headline"], "validation errors use the API name")

# read_only_fields / extra_kwargs ignored for declared fields
class Declared(serializers.ModelSerializer):
    headline = serializers.CharField(source="title")

    class Meta:
        model = Article
        fields = ["headline", "body"]
        read_only_fields = ["headline"]
        extra_kwargs = {"headline": {"write_only": True}}


f = Declared().fields["headline"]
claim(not f.read_only and not f.write_only, "read_only_fields and extra_kwargs are silently ignored for declared fields")
claim(ArticleSerializer().fields["author"].read_only, "read_only_fields makes a generated field read-only")
claim(ArticleSerializer().fields["id"].read_only, "AutoField primary keys are read-only automatically")

# N+1 from a dotted source
for i in range(3):
    Article.objects.create(title=f"t{i}", body="b", author=bob)
n = Article.objects.count()
with queries(1 + Article.objects.filter(author__isnull=False).count(), "author.username costs a query per object"):
    ArticleSerializer(Article.objects.all(), many=True).data
with queries(1, "select_related('author') avoids it"):
    ArticleSerializer(Article.objects.select_related("author"), many=True).data

# write_only password, extra_kwargs
s = SignupSerializer(data={"username": "cy", "email": "cy@example.com", "password": "s3cret-pass"})
claim(s.is_valid(), "valid signup")
u = s.save()
claim("password" not in s.data, "a write_only field never appears in .data")
claim(u.check_password("s3cret-pass") and u.password != "s3cret-pass", "create_user() hashes the password")
s = SignupSerializer(data={"username": "dd", "email": "", "password": "short"})
s.is_valid()
claim("password" in s.errors and "email" in s.errors, "extra_kwargs min_length and allow_blank=False apply")
s = SignupSerializer(data={"username": "ee"})
s.is_valid()
claim({"password", "email"} <= set(s.errors), "write_only password and email are required")


class DefaultCreate(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = ["username", "password"]


u2 = DefaultCreate(data={"username": "ff", "password": "plain-text-pw"})
u2.is_valid(raise_exception=True)
equal(u2.save().password, "plain-text-pw", "the default create() stores the password in plain text")

# assertions
with raises(AssertionError, "redundant", what="source equal to the field name is rejected"):
    class Redundant(serializers.Serializer):
        title = serializers.CharField(source="title")

    Redundant().fields
with raises(AssertionError, "read_only.*write_only", what="both flags is an AssertionError"):
    serializers.CharField(read_only=True, write_only=True)


class Typo(serializers.ModelSerializer):
    class Meta:
        model = Article
        fields = ["title"]
        readonly_fields = ["title"]


with raises(AssertionError, "read_only_fields", what="readonly_fields typo is caught"):
    Typo().fields


class WritableDotted(serializers.ModelSerializer):
    author_name = serializers.CharField(source="author.username")

    class Meta:
        model = Article
        fields = ["title", "body", "author_name"]


w = WritableDotted(data={"title": "a", "body": "b", "author_name": "x"})
w.is_valid(raise_exception=True)
equal(dict(w.validated_data)["author"], {"username": "x"}, "a writable dotted source nests validated_data")
with raises(AssertionError, "writable dotted-source", what="the default create() refuses writable dotted sources"):
    w.save()

# source may name a method; source='*' passes the whole object
class M(serializers.Serializer):
    name = serializers.CharField(source="get_username")
    whole = serializers.SerializerMethodField()

    def get_whole(self, obj):
        return obj.username


equal(M(ann).data["name"], "ann", "a source naming a method calls it")


class StampSer(serializers.ModelSerializer):
    class Meta:
        model = Stamp
        fields = ["id", "created"]


claim(StampSer().fields["created"].read_only, "auto_now_add (editable=False) fields are read-only automatically")
equal(ArticleSerializer().fields["word_count"].source, "*", "SerializerMethodField uses source='*' internally")
