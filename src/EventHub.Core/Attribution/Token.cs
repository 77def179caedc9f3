using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace EventHub.Core.Attribution;

/// <summary>One word of the draft: where it is, how it is written, and its folded form (lower case, no diacritics).</summary>
internal readonly record struct Token(
    int Start,
    int Length,
    string Folded,
    string? Alternative,
    TokenShape Shape,
    bool Possessive,
    bool FollowedByPeriod,
    bool SentenceStart,
    bool InHeading,
    int Sentence,
    int Section);
