using EventHub.Core.Data;

namespace EventHub.Core.Features.Tags;

/// <summary>
/// The fixed, accessible palette of tag colours: white text on each background has a contrast ratio of at least 4.5:1
/// (WCAG AA for normal text), and the colour's name goes with it for screen readers and print.
/// </summary>
public static class TagPalette
{
    public static IReadOnlyList<(TagColour Colour, string Name, string Background)> All { get; } =
    [
        (TagColour.Grey, "Grey", "#545b62"),
        (TagColour.Blue, "Blue", "#0b5cad"),
        (TagColour.Green, "Green", "#1e6b30"),
        (TagColour.Orange, "Orange", "#9a4a00"),
        (TagColour.Red, "Red", "#b02a37"),
        (TagColour.Purple, "Purple", "#6633b0"),
        (TagColour.Teal, "Teal", "#0d6868"),
        (TagColour.Brown, "Brown", "#7a4b1f"),
    ];

    public const string Text = "#ffffff";

    public static string Background(TagColour colour) => All.FirstOrDefault(c => c.Colour == colour).Background ?? All[0].Background;

    public static string Name(TagColour colour) => All.FirstOrDefault(c => c.Colour == colour).Name ?? colour.ToString();

    /// <summary>The WCAG contrast ratio between two #rrggbb colours.</summary>
    public static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        double Channel(int offset)
        {
            var c = Convert.ToInt32(hex.Substring(offset, 2), 16) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return 0.2126 * Channel(1) + 0.7152 * Channel(3) + 0.0722 * Channel(5);
    }
}
