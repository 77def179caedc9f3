namespace EventHub.Core.Email;

/// <summary>A composed body: the HTML rendered from a Razor component, and its plain-text part.</summary>
public sealed record RenderedEmail(string Html, string Text);
