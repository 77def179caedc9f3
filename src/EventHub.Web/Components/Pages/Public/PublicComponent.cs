using EventHub.Core.Localization;
using Microsoft.AspNetCore.Components;

namespace EventHub.Web.Components.Pages.Public;

/// <summary>
/// What every page and part outside the team shares: its texts (<c>T["Key"]</c>) in the request's language, which on a
/// personal link is the person's (request localization sets it before the page runs).
/// </summary>
public abstract class PublicComponent : ComponentBase
{
    private Texts? texts;

    [Inject] private Translations Translations { get; set; } = default!;

    protected Texts T => texts ??= Translations.Current;
}
