using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace EventHub.Core.Attribution;

internal enum TokenShape : byte
{
    /// <summary>No capital letter ("gahler", "will").</summary>
    Lower,

    /// <summary>A capital, then lower case ("Gahler", "Will", "M").</summary>
    Capitalised,

    /// <summary>Two or more letters, all capitals ("NATO", "WILL").</summary>
    AllCaps,

    /// <summary>Anything else: "McAllister", "OSCE's", "CoE", "2022".</summary>
    Mixed,
}
