namespace EventHub.Core.Auditing;

/// <summary>What a walk of the chain found: the first broken link (if any), how far it got, and what is not sealed yet.</summary>
public sealed record AuditChainReport(bool Valid, long Checked, long? HeadIndex, string? HeadHash, int Unsealed, long? BrokenAt, long? BrokenEntryId, string? Problem)
{
    public string Summary => Valid
        ? (Checked == 0 ? "Nothing is sealed yet" : $"The audit log's chain is intact: {Checked} sealed entries, head #{HeadIndex} {HeadHash}")
            + (Unsealed > 0 ? $"; {Unsealed} newer entries await sealing (every minute)." : ".")
        : $"The audit log's chain is BROKEN at #{BrokenAt}" + (BrokenEntryId is null ? "" : $" (entry id {BrokenEntryId})") + $": {Problem}";
}
