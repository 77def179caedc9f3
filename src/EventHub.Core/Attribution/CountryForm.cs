namespace EventHub.Core.Attribution;

internal enum CountryForm : byte
{
    /// <summary>"Hungary", "the Netherlands", "Republic of Kazakhstan".</summary>
    Name,

    /// <summary>"Hungarian", "Dutch", "Kazakh".</summary>
    Demonym,

    /// <summary>"Budapest", "The Hague": standing for a government when it says something.</summary>
    Capital,
}
