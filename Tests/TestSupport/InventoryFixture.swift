/// A site with a bit of everything the inventory shows: a BPF continuing from a report of
/// the previous cycle with a draft output, a new BPF, a withdrawn one, an approved and a
/// pending working group, a meeting, a report in the next cycle that references them, a
/// proposal with a warning, an illustrative document and a draft.
public enum InventoryFixture {
  public static var files: [String: String?] {
    [
      "content/2016/_cycle.md": """
      ---
      kind: cycle
      title: IGF 2016
      cycle: 2016
      host: Mexico
      ---
      The 2016 cycle.
      """,
      "content/2017/_cycle.md": """
      ---
      kind: cycle
      title: IGF 2017
      cycle: 2017
      host: Switzerland
      location: Geneva, Switzerland
      theme: Shape your digital future
      start: 2017-12-18
      end: 2017-12-21
      summary: The twelfth IGF.
      ---
      The 2017 cycle. See the [meeting](mag/2017-03-28-virtual-meeting-2.md).
      """,
      "content/2016/bpf/cybersecurity/report.md": """
      ---
      kind: bpf-report
      title: "BPF on Cybersecurity: 2016 work report"
      cycle: 2016
      date: 2016-12-01
      status: final
      bpf: cybersecurity
      facilitators: [ana-gomez, dana-novak]
      published: 2016-12-01
      themes: [Cybersecurity]
      ---
      ## Work in 2016

      The BPF met online.
      """,
      "content/2016/wg/igf-improvements.md": Documents.wgProposal(
        status: "approved", facilitators: "[ana-gomez, dana-novak]", cycle: 2016, extra: "approved: 2016-04-01"),
      "content/2017/mag/2017-03-28-virtual-meeting-2.md": Documents.meetingSummary(
        extra:
          "next: {id: 2017/mag/2017-04-11-virtual-meeting-3, date: 2017-04-11, title: MAG Virtual Meeting III}\nthemes: [Intersessional work]",
        body:
          "## Summary\n\nThe MAG heard the [cybersecurity proposal](../bpf/cybersecurity/proposal.md) and the [IoT proposal](../bpf/iot/proposal.md).\n\n## Annex I: Agenda\n\n1. Adoption of the agenda\n"
      ),
      "content/2017/bpf/cybersecurity/proposal.md": Documents.bpfProposal(
        bpf: "cybersecurity", status: "continuing", facilitators: "[ana-gomez, ben-okafor, eva-berg]",
        extra: "summary: Continue the BPF on Cybersecurity.\nrelated: [2016/bpf/cybersecurity/report]"),
      "content/2017/bpf/cybersecurity/output.md": """
      ---
      kind: bpf-output
      title: "BPF on Cybersecurity: draft output"
      cycle: 2017
      bpf: cybersecurity
      status: draft
      published: 2017-11-01
      facilitators: [ana-gomez, ben-okafor]
      url: https://example.org/outputs/cybersecurity-2017.pdf
      example: true
      themes: [Cybersecurity]
      ---
      ## Executive summary

      The draft output.
      """,
      "content/2017/bpf/iot/proposal.md": Documents.bpfProposal(
        bpf: "iot", status: "withdrawn", facilitators: "[chen-li, ben-okafor]"),
      "content/2017/bpf/local-content/proposal.md": Documents.bpfProposal(words: 400),
      "content/2017/bpf/remote-participation/proposal.md": Documents.bpfProposal(
        bpf: "remote-participation", extra: "draft: true"),
      "content/2017/wg/igf-improvements.md": Documents.wgProposal(
        status: "approved", facilitators: "[ana-gomez, ben-okafor]", extra: "approved: 2017-04-11"),
      "content/2017/wg/funding.md": Documents.wgProposal(wg: "funding", facilitators: "[chen-li, ben-okafor]"),
      "content/2018/reports/roadmap.md": Documents.report(
        title: "A roadmap for 2018",
        extra: """
          publisher: Example Consult
          place: Haarlem
          related: [2017/bpf/cybersecurity/proposal, 2017/mag/2017-03-28-virtual-meeting-2]
          themes: [Cybersecurity, Intersessional work]
          summary: Options for strengthened cooperation.
          recommendations:
            - {id: rec-1, text: Prioritise and focus.}
            - {id: rec-2, text: "Connect the dots </script><b>"}
          """,
        body:
          "## Introduction\n\nThe [proposal](../../2017/bpf/cybersecurity/proposal.md#expected-outputs) and [recommendation 1](#rec-1).\n"
      ),
    ]
  }
}
