/// Front matter and bodies for test documents that satisfy the project's modalities, so a
/// test can start from a valid document and break exactly one thing.
public enum Documents {
  /// A MAG meeting summary of 28 March 2017, with an agenda and participants.
  public static func meetingSummary(date: String = "2017-03-28", extra: String = "", body: String? = nil) -> String {
    """
    ---
    kind: meeting-summary
    title: MAG Virtual Meeting II
    cycle: 2017
    date: \(date)
    status: final
    meeting: {number: 2, format: virtual, chair: ana-gomez}
    participants:
      - group: MAG Members
        people: [ana-gomez, ben-okafor]
    \(extra)
    ---
    \(body ?? "## Summary\n\nThe MAG met.\n\n## Annex I: Agenda\n\n1. Adoption of the agenda\n")
    """
  }

  /// A BPF proposal for 2017 reviewed at the meeting above, within every rule.
  public static func bpfProposal(
    bpf: String = "local-content", status: String = "proposed", submitted: String = "2017-03-01",
    facilitators: String = "[ana-gomez, ben-okafor]", extra: String = "", words: Int = 1_100, sections: [String]? = nil
  ) -> String {
    let titles =
      sections ?? [
        "Proposed Theme/Issue", "Objectives/Goals", "Expected Output(s)", "Outreach and Dissemination Plan/Strategy",
        "Timeframe", "Names of Co-Facilitator(s)",
      ]
    let perSection = max(0, (words - titles.reduce(0) { $0 + $1.split(separator: " ").count }) / max(1, titles.count))
    let paragraph = Array(repeating: "word", count: perSection).joined(separator: " ")
    let body = titles.map { "## \($0)\n\n\(paragraph)\n" }.joined(separator: "\n")
    return """
      ---
      kind: bpf-proposal
      title: BPF on \(bpf)
      cycle: 2017
      bpf: \(bpf)
      status: \(status)
      submitted: \(submitted)
      meeting: 2017/mag/2017-03-28-virtual-meeting-2
      facilitators: \(facilitators)
      timeframe: one-year
      themes: [Local content]
      \(extra)
      ---
      \(body)
      """
  }

  /// A working-group charter for 2017 within every rule.
  public static func wgProposal(
    wg: String = "igf-improvements", status: String = "proposed", facilitators: String = "[ana-gomez, ben-okafor]",
    cycle: Int = 2017, extra: String = ""
  ) -> String {
    """
    ---
    kind: wg-proposal
    title: Working group on \(wg)
    cycle: \(cycle)
    wg: \(wg)
    status: \(status)
    facilitators: \(facilitators)
    \(extra)
    ---
    ## Purpose

    Text.

    ## Objectives/Goals

    Text.

    ## Expected Output(s)

    Text.

    ## Timeframe

    One cycle.
    """
  }

  /// A commissioned report by Eva Berg.
  public static func report(
    title: String = "A report", cycle: Int = 2018, extra: String = "", body: String = "## Introduction\n\nText.\n"
  ) -> String {
    """
    ---
    kind: report
    title: \(title)
    cycle: \(cycle)
    date: \(cycle)-02-10
    status: final
    authors: [eva-berg]
    \(extra)
    ---
    \(body)
    """
  }
}
