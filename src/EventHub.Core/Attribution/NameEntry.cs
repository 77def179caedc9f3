using EventHub.Core.Data;

namespace EventHub.Core.Attribution;

internal sealed record NameEntry(string[] Words, IndexedPerson Person, NameForm Form);
