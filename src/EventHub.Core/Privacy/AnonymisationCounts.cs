namespace EventHub.Core.Privacy;

/// <summary>What an anonymisation or erasure changed, for its audit entry and the screen (counts only, never names).</summary>
public sealed record AnonymisationCounts
{
    public int Registrations { get; init; }
    public int SecurityData { get; init; }
    public int Answers { get; init; }
    public int Passes { get; init; }
    public int CheckIns { get; init; }
    public int Consents { get; init; }
    public int CirculationRecipients { get; init; }
    public int Invitations { get; init; }
    public int Contacts { get; init; }
    public int Emails { get; init; }
    public int ReportNotes { get; init; }
    public int AuditEntriesRedacted { get; init; }

    public static AnonymisationCounts operator +(AnonymisationCounts a, AnonymisationCounts b) => new()
    {
        Registrations = a.Registrations + b.Registrations,
        SecurityData = a.SecurityData + b.SecurityData,
        Answers = a.Answers + b.Answers,
        Passes = a.Passes + b.Passes,
        CheckIns = a.CheckIns + b.CheckIns,
        Consents = a.Consents + b.Consents,
        CirculationRecipients = a.CirculationRecipients + b.CirculationRecipients,
        Invitations = a.Invitations + b.Invitations,
        Contacts = a.Contacts + b.Contacts,
        Emails = a.Emails + b.Emails,
        ReportNotes = a.ReportNotes + b.ReportNotes,
        AuditEntriesRedacted = a.AuditEntriesRedacted + b.AuditEntriesRedacted,
    };

    public override string ToString() => string.Join(", ", new (string Label, int Count)[]
        {
            ("registrations anonymised", Registrations), ("security data erased", SecurityData), ("answers deleted", Answers),
            ("passes deleted", Passes), ("check-ins anonymised", CheckIns), ("consents anonymised", Consents),
            ("circulation recipients anonymised", CirculationRecipients), ("invitations deleted", Invitations),
            ("contacts deleted", Contacts), ("emails deleted", Emails), ("rapporteur notes deleted", ReportNotes),
            ("audit entries redacted", AuditEntriesRedacted),
        }.Where(x => x.Count > 0).Select(x => $"{x.Label}: {x.Count}").DefaultIfEmpty("nothing to change"));
}
