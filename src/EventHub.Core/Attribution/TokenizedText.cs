using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace EventHub.Core.Attribution;

/// <summary>The draft split once into tokens with offsets, sentences and Markdown sections.</summary>
internal sealed class TokenizedText
{
    public required string Text { get; init; }

    public required List<Token> Tokens { get; init; }

    public required List<Section> Sections { get; init; }

    /// <summary>True when only spaces (or a possessive ending) stand between two neighbouring tokens: they can form one phrase.</summary>
    public bool Adjacent(int left, int right)
    {
        var a = Tokens[left];
        var b = Tokens[right];
        if (a.Sentence != b.Sentence)
        {
            return false;
        }

        var end = a.Start + a.Length;
        for (var i = end; i < b.Start; i++)
        {
            var c = Text[i];
            if (c is ' ' or '\t' or '\u00A0' || (a.Possessive && c is '\'' or '\u2019' or 's'))
            {
                continue;
            }

            // A line break inside a paragraph still joins; anything else (comma, bracket, dash) separates.
            if (c is '\n' or '\r')
            {
                continue;
            }

            return false;
        }

        return true;
    }

    /// <summary>Like <see cref="Adjacent"/>, but also across the period of an abbreviation ("M. Gahler", "Dr. Smith").</summary>
    public bool AdjacentAfterAbbreviation(int left, int right)
    {
        var a = Tokens[left];
        var b = Tokens[right];
        var end = a.Start + a.Length;
        for (var i = end; i < b.Start; i++)
        {
            var c = Text[i];
            if (c is ' ' or '\t' or '\u00A0' or '\n' or '\r' || (i == end && c == '.'))
            {
                continue;
            }

            return false;
        }

        return true;
    }
}
