namespace EventHub.Web.Components.Pages.Reports;

/// <summary>What a step on the review page did: a message to show when it succeeded, or an error that belongs to no field.</summary>
public sealed record ReviewStep(string? Message, string? Error);
