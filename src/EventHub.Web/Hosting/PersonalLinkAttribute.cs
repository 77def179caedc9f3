using EventHub.Core.Localization;

namespace EventHub.Web.Hosting;

/// <summary>
/// Marks a page or endpoint reached through a personal link (a token in the address): it shares the personal-link rate
/// limit, and its responses carry no referrer, are never cached and are not indexed (<see cref="PersonalLinks"/>).
/// With a <see cref="Kind"/>, the page speaks the language of the person the link belongs to (<see cref="RequestLanguages"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false)]
public sealed class PersonalLinkAttribute : Attribute
{
    public PersonalLinkAttribute()
    {
    }

    public PersonalLinkAttribute(PersonalLinkKind kind) => Kind = kind;

    public PersonalLinkKind? Kind { get; }
}
