namespace EventHub.Web.Components.Pages.Vetting;

/// <summary>What <see cref="VettingConfirmation"/> reports: the message for the queue, and whether the selection was decided (and can be cleared).</summary>
public sealed record VettingConfirmed(string Message, bool IsError, bool Decided);
