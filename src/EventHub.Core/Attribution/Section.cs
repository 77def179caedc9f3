using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace EventHub.Core.Attribution;

/// <summary>A Markdown section: the folded titles of its heading and of every heading it sits under.</summary>
internal sealed record Section(IReadOnlyList<string> Titles);
