using EventHub.Core.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace EventHub.Web.Components.Shared;

/// <summary>
/// Puts a use case's errors next to the fields that caused them. Place inside an EditForm; call <see cref="Show"/> with the outcome.
/// Errors for the whole form (key "") go to the validation summary.
/// </summary>
public sealed class ServerValidation : ComponentBase, IDisposable
{
    private ValidationMessageStore? store;

    [CascadingParameter] private EditContext? EditContext { get; set; }

    /// <summary>The rules write messages in English; they are shown in the screen's language where the resources know them.</summary>
    [Inject] private EventHub.Core.Localization.Translations Translations { get; set; } = default!;

    protected override void OnInitialized()
    {
        if (EditContext is null)
        {
            throw new InvalidOperationException($"{nameof(ServerValidation)} must be placed inside an EditForm.");
        }

        store = new ValidationMessageStore(EditContext);
        EditContext.OnValidationRequested += (_, _) => store.Clear();
        EditContext.OnFieldChanged += (_, e) => store.Clear(e.FieldIdentifier);
    }

    public void Show(Outcome outcome)
    {
        store!.Clear();
        foreach (var (field, messages) in outcome.Errors)
        {
            store.Add(field.Length == 0 ? new FieldIdentifier(EditContext!.Model, "") : EditContext!.Field(field), messages.Select(Translations.Message));
        }

        EditContext!.NotifyValidationStateChanged();
    }

    public void Dispose() => store?.Clear();
}
