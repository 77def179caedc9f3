namespace EventHub.Core.Localization;

/// <summary>The resource (PublicText.resx, .fr, .de) of every text seen outside the team: personal-link pages and emails.</summary>
public sealed class PublicText;

/// <summary>The resource (StaffText.resx, .fr, .de) of the staff screens.</summary>
public sealed class StaffText;
