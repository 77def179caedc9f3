using EventHub.Core.Features.Directory;
using EventHub.Core.Localization;
using Microsoft.Extensions.Localization;

namespace EventHub.Web.Components.Pages.Directory;

/// <summary>The import's sentences with counts in them: the question before importing and the summary after.</summary>
internal static class ImportTexts
{
    /// <summary>"1 row", "1,200 rows": a count with its noun, singular or plural (<paramref name="key"/>.One / .Many).</summary>
    public static string Count(IStringLocalizer<StaffText> s, int n, string key) => s[key + (n == 1 ? ".One" : ".Many"), n];

    /// <summary>"Import 3 new contacts and update 2, skipping 1 already in the directory? The 2 rows with errors will be left out."</summary>
    public static string Confirmation(IStringLocalizer<StaffText> s, ImportPreview p)
    {
        var question = p.WillAdd > 0 ? s["Directory.Import.Ask", Count(s, p.WillAdd, "Directory.Import.NewContacts")].Value : s["Directory.Import.AskNone"].Value;
        if (p.WillUpdate > 0)
        {
            question += s["Directory.Import.AskUpdate", p.WillUpdate];
        }

        if (p.WillSkip > 0)
        {
            question += s["Directory.Import.AskSkip", p.WillSkip];
        }

        question += s["Directory.Import.QuestionMark"];
        return p.Errors.Count > 0 ? question + " " + s["Directory.Import.LeftOut", Count(s, p.Errors.Count, "Directory.Import.Rows")] : question;
    }

    /// <summary>"3 contacts added, 2 updated, 1 skipped; 2 rows with errors left out."</summary>
    public static string Done(IStringLocalizer<StaffText> s, ImportResult r)
    {
        var text = s["Directory.Import.Done", Count(s, r.Added, "Directory.Import.Contacts"), r.Updated, r.Skipped].Value;
        return r.LeftOut > 0 ? text + s["Directory.Import.DoneLeftOut", Count(s, r.LeftOut, "Directory.Import.Rows")] : text + ".";
    }
}
