using System.ComponentModel.DataAnnotations;
using EventHub.Core.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace EventHub.Web.Components.Shared;

/// <summary>
/// <see cref="DataAnnotationsValidator"/> in the screen's language: runs the model's data annotations and its
/// <see cref="IValidatableObject"/> rules as the stock validator does, and puts each message into the form translated
/// through the resources (key "Msg:" + the English message, as <see cref="Translations.Message"/> reads it). Place
/// inside an EditForm instead of <c>&lt;DataAnnotationsValidator /&gt;</c>.
/// </summary>
public sealed class LocalizedValidator : ComponentBase, IDisposable
{
    private ValidationMessageStore? store;

    [CascadingParameter] private EditContext? EditContext { get; set; }

    [Inject] private Translations Translations { get; set; } = default!;

    [Inject] private IServiceProvider Services { get; set; } = default!;

    protected override void OnInitialized()
    {
        if (EditContext is null)
        {
            throw new InvalidOperationException($"{nameof(LocalizedValidator)} must be placed inside an EditForm.");
        }

        store = new ValidationMessageStore(EditContext);
        EditContext.OnFieldChanged += FieldChanged;
        EditContext.OnValidationRequested += ValidationRequested;
    }

    private void FieldChanged(object? sender, FieldChangedEventArgs e)
    {
        var field = e.FieldIdentifier;
        if (field.Model.GetType().GetProperty(field.FieldName) is not { } property)
        {
            return;
        }

        var results = new List<ValidationResult>();
        Validator.TryValidateProperty(property.GetValue(field.Model), new ValidationContext(field.Model, Services, null) { MemberName = property.Name }, results);
        store!.Clear(field);
        store.Add(field, results.Select(Message));
        EditContext!.NotifyValidationStateChanged();
    }

    private void ValidationRequested(object? sender, ValidationRequestedEventArgs e)
    {
        var model = EditContext!.Model;
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(model, new ValidationContext(model, Services, null), results, validateAllProperties: true);
        store!.Clear();
        foreach (var result in results)
        {
            var members = result.MemberNames.Any() ? result.MemberNames : [string.Empty];
            foreach (var member in members)
            {
                store.Add(member.Length == 0 ? new FieldIdentifier(model, string.Empty) : EditContext.Field(member), Message(result));
            }
        }

        EditContext.NotifyValidationStateChanged();
    }

    private string Message(ValidationResult result) => Translations.Message(result.ErrorMessage ?? string.Empty);

    public void Dispose()
    {
        if (EditContext is not null)
        {
            EditContext.OnFieldChanged -= FieldChanged;
            EditContext.OnValidationRequested -= ValidationRequested;
        }

        store?.Clear();
        EditContext?.NotifyValidationStateChanged();
    }
}
