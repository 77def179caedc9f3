namespace EventHub.Core.Attribution;

internal sealed record CountryEntry(string[] Words, string Code, CountryForm Form);
