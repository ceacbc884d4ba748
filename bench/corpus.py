#!/usr/bin/env python3
"""Writes a deterministic igfsite corpus: a complete site (content/, on the built-in theme).

    corpus.py --documents 10000 --out DIR [--seed 2017]

N documents over 20 IGF cycles (2006–2025) and five kinds (BPF proposals, outputs and
annual reports, working-group charters, MAG meeting summaries), about 5 KB of Markdown
each: headings, paragraphs, a list, a table, four links to other documents of the corpus,
two themes, two or three facilitators from a registry of 400 people. Every document
satisfies the project's modalities schema (content/modalities.yml is copied in), so
`igfsite check` reports no errors and a build does the full work. The same Markdown files
build with Hugo (bench/hugo/ holds its layouts).
"""
import argparse
import datetime
import os
import random
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.dirname(HERE)
CYCLES = list(range(2006, 2026))
GROUPS = ["Government", "Intergovernmental Organization", "Civil Society", "Technical Community", "Private Sector"]
REGIONS = ["African Group", "Asia-Pacific Group", "Eastern European Group",
           "Latin American and Caribbean Group (GRULAC)", "Western European and Others Group (WEOG)"]
THEMES = ["Access", "Cybersecurity", "Gender", "Local content", "Internet of Things", "Data governance",
          "Human rights", "Digital inclusion", "Infrastructure", "Multilingualism", "Youth", "Trust",
          "Emerging technologies", "Sustainable development", "Capacity building", "Intersessional work",
          "Remote participation", "Net neutrality", "Privacy", "Child online protection", "Spam",
          "IPv6", "IXPs", "Cloud computing", "Artificial intelligence", "Online abuse", "Enhanced cooperation",
          "Outreach", "Connectivity", "Digital economy"]
WORDS = ("the forum community stakeholders policy internet governance practice network access "
         "participation report output session workshop outcome discussion cooperation experience "
         "national regional global security infrastructure standards capacity development inclusion "
         "operators users content languages rights privacy trust data platforms services members "
         "secretariat consultation process proposal recommendation evidence survey contribution "
         "implementation open transparent inclusive multistakeholder approach framework").split()
PROPOSAL_SECTIONS = ["Proposed Theme/Issue", "Objectives/Goals", "Expected Output(s)",
                     "Outreach and Dissemination Plan/Strategy", "Timeframe", "Names of Co-Facilitator(s)"]
WG_SECTIONS = ["Purpose", "Objectives/Goals", "Expected Output(s)", "Implementation Plan", "Timeframe"]


def sentence(rng, words=14):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng, sentences=5):
    return " ".join(sentence(rng, rng.randint(10, 18)) for _ in range(sentences))


def people(rng):
    registry = []
    given = ["Ana", "Ben", "Chen", "Dana", "Eva", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kofi", "Lena",
             "Mara", "Nadia", "Omar", "Pia", "Quentin", "Rosa", "Sami", "Tala"]
    family = ["Gomez", "Okafor", "Li", "Novak", "Berg", "Haddad", "Mensah", "Tanaka", "Silva", "Weber",
              "Asante", "Kovac", "Rossi", "Nasser", "Aziz", "Lund", "Moreau", "Diaz", "Khan", "Vaka"]
    for index in range(400):
        start = CYCLES[index % len(CYCLES)]
        registry.append({
            "id": f"person-{index + 1:03d}",
            "name": f"{given[index % 20]} {family[(index // 20) % 20]}",
            "group": GROUPS[(index // len(CYCLES)) % len(GROUPS)],
            "region": REGIONS[(index // 5) % len(REGIONS)],
            "mag": [year for year in (start, start + 1, start + 2) if year in CYCLES],
        })
    return registry


def plan(documents, rng):
    """Decides every document's path, kind and facts before writing, so links resolve."""
    per_cycle = [documents // len(CYCLES) + (1 if i < documents % len(CYCLES) else 0) for i in range(len(CYCLES))]
    entries = []
    for cycle, count in zip(CYCLES, per_cycle):
        meetings = max(1, count // 10)
        for m in range(min(meetings, count)):
            date = datetime.date(cycle, 3, 1) + datetime.timedelta(days=m * 300 // meetings)
            entries.append({"kind": "meeting-summary", "cycle": cycle, "date": date, "number": m + 1,
                            "path": f"{cycle}/mag/{date.isoformat()}-meeting-{m + 1}"})
        for index in range(count - min(meetings, count)):
            slot = index // 4
            kind = ["bpf-proposal", "bpf-output", "bpf-report", "wg-proposal"][index % 4]
            if kind == "wg-proposal":
                path = f"{cycle}/wg/group-{slot + 1}"
            else:
                name = {"bpf-proposal": "proposal", "bpf-output": "output", "bpf-report": "report"}[kind]
                path = f"{cycle}/bpf/topic-{slot + 1}/{name}"
            entries.append({"kind": kind, "cycle": cycle, "slot": slot + 1, "path": path})
    return entries


def front_matter(entry, rng, registry, meetings):
    cycle = entry["cycle"]
    mag = [p for p in registry if cycle in p["mag"]]
    themes = rng.sample(THEMES, 2)
    lines = [f"kind: {entry['kind']}", f"cycle: {cycle}", f"themes: [{', '.join(themes)}]"]
    if entry["kind"] == "meeting-summary":
        lines.insert(1, f"title: MAG meeting {entry['number']} of {cycle}")
        lines += [f"date: {entry['date'].isoformat()}", "status: final",
                  f"meeting: {{number: {entry['number']}, format: virtual, chair: {mag[0]['id']}}}",
                  "participants:", "  - group: MAG Members",
                  f"    people: [{', '.join(p['id'] for p in rng.sample(mag, 10))}]"]
        return lines
    date = datetime.date(cycle, 1, 1) + datetime.timedelta(days=rng.randint(0, 330))
    lines.append(f"date: {date.isoformat()}")
    chosen = rng.sample(mag, rng.choice([2, 3]))
    if entry["kind"] == "bpf-proposal":
        meeting = rng.choice(meetings[cycle])
        submitted = meeting["date"] - datetime.timedelta(days=rng.randint(21, 60))
        lines.insert(1, f"title: BPF proposal on topic {entry['slot']} ({cycle})")
        lines += [f"bpf: topic-{entry['slot']}", f"status: {rng.choice(['proposed', 'approved'])}",
                  f"submitted: {submitted.isoformat()}", f"meeting: {meeting['path']}",
                  f"facilitators: [{', '.join(p['id'] for p in chosen)}]",
                  f"timeframe: {rng.choice(['one-year', 'multi-year'])}"]
    elif entry["kind"] == "bpf-output":
        lines.insert(1, f"title: Output of the BPF on topic {entry['slot']} ({cycle})")
        lines += [f"bpf: topic-{entry['slot']}", f"status: {rng.choice(['draft', 'final'])}",
                  f"published: {date.isoformat()}", f"facilitators: [{', '.join(p['id'] for p in chosen)}]"]
    elif entry["kind"] == "bpf-report":
        lines.insert(1, f"title: Annual work report of the BPF on topic {entry['slot']} ({cycle})")
        lines += [f"bpf: topic-{entry['slot']}", "status: final", f"published: {date.isoformat()}"]
    elif entry["kind"] == "wg-proposal":
        first = rng.choice(mag)
        second = rng.choice([p for p in mag if p["group"] != first["group"]])
        approved = rng.random() < 0.5
        lines.insert(1, f"title: Working group {entry['slot']} ({cycle})")
        lines += [f"wg: group-{entry['slot']}", f"status: {'approved' if approved else 'proposed'}",
                  f"facilitators: [{first['id']}, {second['id']}]"]
        if approved:
            lines.append(f"approved: {datetime.date(cycle, 4, 1).isoformat()}")
    return lines


def body(entry, rng, targets):
    here = os.path.dirname(entry["path"])
    links = [f"[{t['kind'].replace('-', ' ')} of {t['cycle']}]({os.path.relpath(t['path'] + '.md', here)})" for t in targets]
    table = ("| Stakeholder group | Participants | Comments |\n|---|---|---|\n"
             + "\n".join(f"| {group} | {rng.randint(2, 40)} | {sentence(rng, 6)} |" for group in GROUPS))
    items = "\n".join(f"- {sentence(rng, 8)}" for _ in range(5))
    if entry["kind"] == "bpf-proposal":
        # 2 to 3 pages at 500 words a page, as the modalities ask.
        sections = [(title, 2) for title in PROPOSAL_SECTIONS]
        sections[0] = (sections[0][0], 4)
    elif entry["kind"] == "wg-proposal":
        sections = [(title, 1) for title in WG_SECTIONS]
    elif entry["kind"] == "bpf-output":
        sections = [("Executive summary", 2), ("Findings", 2), ("Recommendations", 1)]
    elif entry["kind"] == "meeting-summary":
        sections = [("Summary", 3), ("Discussion", 2), ("Annex I: Agenda", 0)]
    else:
        sections = [("Work during the cycle", 2), ("Participation", 2), ("Next steps", 1)]
    out = [f"This document is part of a generated benchmark corpus. It relates to the {links[0]}, the {links[1]}, "
           f"the {links[2]} and the {links[3]}."]
    for number, (title, count) in enumerate(sections):
        out.append(f"## {title}")
        if title == "Annex I: Agenda":
            out.append("\n".join(f"{i}. {sentence(rng, 6)}" for i in range(1, 6)))
            continue
        for _ in range(count):
            out.append(paragraph(rng, 5 if entry["kind"] == "bpf-proposal" else 3))
        if number == 1:
            out.append(items)
        if number == 2:
            out.append(table)
    return "\n\n".join(out) + "\n"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", "-n", type=int, default=1000)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=2017)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    out = os.path.abspath(args.out)
    if os.path.exists(out) and os.listdir(out):
        raise SystemExit(f"{out} is not empty; give a new folder")
    registry = people(rng)
    entries = plan(args.documents, rng)
    meetings = {}
    for entry in entries:
        if entry["kind"] == "meeting-summary":
            meetings.setdefault(entry["cycle"], []).append(entry)
    write(f"{out}/content/site.yml", "title: Benchmark corpus\ndescription: A generated corpus.\n"
          "base_url: https://example.org/\nlanguage: en\npublisher: igfsite benchmark\n")
    people_lines = []
    for person in registry:
        people_lines += [f"{person['id']}:", f"  name: {person['name']}", f"  stakeholder_group: {person['group']}",
                         f"  regional_group: {person['region']}", f"  mag: [{', '.join(map(str, person['mag']))}]"]
    write(f"{out}/content/people.yml", "\n".join(people_lines) + "\n")
    shutil.copy(os.path.join(PROJECT, "content", "modalities.yml"), f"{out}/content/modalities.yml")
    # Every series is named, as a real site's series.yml names them.
    series = {"bpf": set(), "wg": set()}
    for entry in entries:
        if entry["kind"].startswith("bpf-"):
            series["bpf"].add(f"topic-{entry['slot']}")
        elif entry["kind"] == "wg-proposal":
            series["wg"].add(f"group-{entry['slot']}")
    series_lines = []
    for field, ids in series.items():
        series_lines.append(f"{field}:")
        series_lines += [f"  {id}: {{name: {'BPF on' if field == 'bpf' else 'Working group'} {id}}}" for id in sorted(ids)]
    write(f"{out}/content/series.yml", "\n".join(series_lines) + "\n")
    for cycle in CYCLES:
        write(f"{out}/content/{cycle}/_cycle.md",
              f"---\nkind: cycle\ntitle: IGF {cycle}\ncycle: {cycle}\n---\nThe {cycle} cycle of the generated corpus.\n")
    for entry in entries:
        targets = []
        while len(targets) < 4:
            candidate = rng.choice(entries)
            if candidate is not entry and candidate not in targets:
                targets.append(candidate)
        text = "---\n" + "\n".join(front_matter(entry, rng, registry, meetings)) + "\n---\n" + body(entry, rng, targets)
        write(f"{out}/content/{entry['path']}.md", text)
    print(f"Wrote {len(entries)} documents, {len(CYCLES)} cycles and {len(registry)} people to {out}")


if __name__ == "__main__":
    main()
