#!/usr/bin/env python3
"""Recomputes `health` and `digest` figures straight from a Stack Exchange dump's Posts.xml, independently of the
bot, to check what `copbot console` answers after `copbot import slack-export` of the same dump (made with
../shared/tools/se2slack.py). Usage:

  scripts/check-community-life.py DUMP_DIR health FROM TO      # window [FROM, TO), dates YYYY-MM-DD (UTC)
  scripts/check-community-life.py DUMP_DIR digest WEEK_END     # the week before WEEK_END (exclusive)

The definitions are the bot's (README, "Community life"): a question is answered when someone other than its asker
answered; solved when its accepted answer is by someone else; members joined at their first post.
"""
import datetime as dt
import statistics
import sys
import xml.etree.ElementTree as ET


def when(s):
    return dt.datetime.fromisoformat(s).replace(tzinfo=dt.timezone.utc)


day = when


def owner(p):
    # As se2slack.py maps them: deleted accounts and the site's Community user (-1) are one author, USLACKBOT.
    u = p.get("OwnerUserId")
    return "USLACKBOT" if not u or u.startswith("-") else u


def main():
    posts = [r.attrib for r in ET.parse(sys.argv[1] + "/Posts.xml").getroot()]
    questions = {p["Id"]: p for p in posts if p["PostTypeId"] == "1"}
    answers = [p for p in posts if p["PostTypeId"] == "2"]
    by_id = {a["Id"]: a for a in answers}
    first = {}
    for p in sorted([p for p in posts if p["PostTypeId"] in ("1", "2")], key=lambda p: p["CreationDate"]):
        first.setdefault(owner(p), when(p["CreationDate"]))

    def others(q, before=None):
        return [a for a in answers if a["ParentId"] == q["Id"] and owner(a) != owner(q)
                and (before is None or when(a["CreationDate"]) < before)]

    def accepted_by_other(q):
        a = by_id.get(q.get("AcceptedAnswerId"))
        return a if a is not None and owner(a) != owner(q) else None

    if sys.argv[2] == "health":
        start, end = day(sys.argv[3]), day(sys.argv[4])
        asked = [q for q in questions.values() if start <= when(q["CreationDate"]) < end]
        waits = [(min(when(a["CreationDate"]) for a in others(q)) - when(q["CreationDate"])).total_seconds() / 60
                 for q in asked if others(q)]
        active = {owner(p) for p in posts if p["PostTypeId"] in ("1", "2") and start <= when(p["CreationDate"]) < end}
        print(f"members {sum(1 for v in first.values() if v < end)}  active {len(active)}  asked {len(asked)}  "
              f"answered {len(waits)}  median first answer {statistics.median(waits) if waits else None} min  "
              f"solved {sum(1 for q in asked if accepted_by_other(q))}")
    else:
        end = day(sys.argv[3])
        start = end - dt.timedelta(days=7)
        solved = [q for q in questions.values() if accepted_by_other(q)
                  and start <= when(accepted_by_other(q)["CreationDate"]) < end]
        waiting = [q for q in questions.values()
                   if end - dt.timedelta(days=28) <= when(q["CreationDate"]) < end and not others(q, end)]
        print(f"solved {len(solved)}  waiting {len(waiting)}  new members {sum(1 for v in first.values() if start <= v < end)}")
        for q in sorted(waiting, key=lambda q: q["CreationDate"]):
            print("  waiting:", q["Title"])


main()
