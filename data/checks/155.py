"""155 through models: the answer's Person/Group/Membership; add() with
through_defaults and field defaults, create(), set() keeping existing links,
add() skipping members, remove/clear; queries across the through table;
symmetrical self m2m vs follows/followers; through_fields needed with a
second FK; the unique constraint; CASCADE on the through FKs."""
from djqcheck import claim, create_tables, equal, queries, raises, setup

setup(installed_apps=["django.contrib.admin"])

from django.db import models


# --- the answer's models, as written (the self-relation fields merged into Person) ---
class Person(models.Model):
    name = models.CharField(max_length=100)
    friends = models.ManyToManyField("self", blank=True)
    follows = models.ManyToManyField(
        "self", symmetrical=False, related_name="followers", blank=True
    )


class Group(models.Model):
    name = models.CharField(max_length=100)
    members = models.ManyToManyField(
        Person, through="Membership", related_name="groups"
    )


class Membership(models.Model):
    class Role(models.TextChoices):
        MEMBER = "member"
        ADMIN = "admin"

    person = models.ForeignKey(Person, on_delete=models.CASCADE)
    group = models.ForeignKey(Group, on_delete=models.CASCADE)
    role = models.CharField(
        max_length=10, choices=Role, default=Role.MEMBER
    )
    joined = models.DateField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["person", "group"], name="unique_membership"
            )
        ]
# --- end ---

urlpatterns = []
create_tables()
ann, bob, cy = (Person.objects.create(name=n) for n in ("Ann", "Bob", "Cy"))
group = Group.objects.create(name="G")

# --- the answer's calls, as written ---
group.members.add(ann, through_defaults={"role": "admin"})
group.members.add(bob)                  # field defaults: role="member"
dora = group.members.create(
    name="Dora", through_defaults={"role": "admin"}
)
group.members.set([ann, cy], through_defaults={"role": "member"})
# --- end ---

roles = dict(Membership.objects.values_list("person__name", "role"))
equal(roles, {"Ann": "admin", "Cy": "member"}, "set() removes Bob and Dora, keeps Ann's admin role, adds Cy as member")

m = Membership.objects.get(group=group, person=cy)
m.role = Membership.Role.ADMIN
m.save()
equal(group.members.filter(membership__role="admin").count(), 2, "filter through the relation on the link's fields")

from datetime import date

equal(Person.objects.filter(membership__group=group, membership__joined__year=date.today().year).count(), 2, "query name from Person is the lowercase model name")
equal(list(Group.objects.filter(members__name="Ann")), [group], "Group.objects.filter(members__name=...)")
with queries(1, "membership_set.select_related('person'): both ends in one query"):
    rows = [(m.person.name, m.role) for m in group.membership_set.select_related("person")]
equal(sorted(rows), [("Ann", "admin"), ("Cy", "admin")], "the link rows with their data")

with queries(3, "add() of an existing member inserts nothing (BEGIN, SELECT, COMMIT)") as ctx:
    group.members.add(ann)
claim(all("INSERT" not in q["sql"] for q in ctx.captured_queries), "add() skips people who are already members")

from django.db import IntegrityError, transaction

with raises(IntegrityError, what="the UniqueConstraint stops a duplicate Membership.objects.create()"):
    with transaction.atomic():
        Membership.objects.create(person=ann, group=group)

group.members.remove(cy)
equal(list(group.members.all()), [ann], "remove() deletes the link")
ann.delete()
equal(Membership.objects.count(), 0, "CASCADE on the through FK deletes the person's memberships")
group.members.add(bob)
group.members.clear()
equal(Membership.objects.count(), 0, "clear() removes all links")

# self relations
bob.friends.add(cy)
equal(list(cy.friends.all()), [bob], "symmetrical by default: adding Cy to Bob's friends makes Bob Cy's friend")
claim(Person._meta.get_field("friends").remote_field.hidden and not hasattr(Person, "person_set"), "a symmetrical self m2m has no reverse accessor")
bob.follows.add(cy)
equal((list(cy.followers.all()), list(cy.follows.all())), ([bob], []), "symmetrical=False: a one-way relation with related_name")

# through_fields
from django.core import checks


class Club(models.Model):
    members = models.ManyToManyField(Person, through="ClubMembership", related_name="clubs")


class ClubMembership(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE)
    club = models.ForeignKey(Club, on_delete=models.CASCADE)
    invited_by = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")


ids = {e.id for e in Club._meta.get_field("members").check(from_model=Club)}
claim("fields.E335" in ids, "with two FKs to the same model, through_fields is required (fields.E335)")

from django.contrib import admin


class GroupAdmin(admin.ModelAdmin):
    filter_horizontal = ["members"]


ids = {e.id for e in GroupAdmin(Group, admin.site).check()}
claim("admin.E013" in ids, "filter_horizontal can't be used with a through model (admin.E013)")
