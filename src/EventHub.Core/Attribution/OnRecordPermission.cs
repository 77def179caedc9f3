using EventHub.Core.Data;

namespace EventHub.Core.Attribution;

/// <summary>Someone who agreed to be named: with or without affiliation, for the listed agenda items (empty: the whole report).</summary>
public sealed record OnRecordPermission(string Name, ConsentScope Scope, IReadOnlyList<string> AgendaItemTitles);
