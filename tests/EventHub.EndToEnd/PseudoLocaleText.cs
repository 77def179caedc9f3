namespace EventHub.EndToEnd;

/// <summary>Finding text that skipped the resources on a page shown in the pseudo-locale.</summary>
public static class PseudoLocaleText
{
    /// <summary>
    /// The visible text nodes (and placeholders and labels) with the pseudo-locale's ⟦…⟧ segments and the given data
    /// removed: any Latin letter left is text that did not come through the resources.
    /// </summary>
    public const string UntranslatedScript = """
        (data) => {
          // A short value ("en", "EU") is set aside only as a whole word: inside a word it is no datum.
          const whole = new Map(data.filter(d => d.length <= 3).map(d => [d, new RegExp('(^|[^\\p{L}\\p{N}])' + d.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '(?![\\p{L}\\p{N}])', 'gu')]));
          const strip = t => {
            let s = t.replace(/⟦[^⟧]*⟧/g, ' ');
            // Text with no Latin letter left once the translated segments are out is done: setting data aside only removes.
            if (!/[A-Za-z]/.test(s)) return s.replace(/\s+/g, ' ').trim();
            for (const d of data) s = d.length > 3 ? (s.includes(d) ? s.split(d).join(' ') : s) : s.replace(whole.get(d), '$1 ');
            return s.replace(/\s+/g, ' ').trim();
          };
          const found = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const el = n.parentElement;
            if (!el || el.closest('script,style,template,[translate=no],[data-testid=pass-code],[data-testid=security-data] dd,.visually-hidden,#blazor-error-ui,#components-reconnect-modal,dialog')) continue;
            if (!el.checkVisibility()) continue;
            const left = strip(n.textContent);
            if (/[A-Za-z]/.test(left)) found.push(left);
          }
          for (const el of document.querySelectorAll('[placeholder],[aria-label],[title]')) {
            if (!el.checkVisibility()) continue;
            for (const a of ['placeholder', 'aria-label', 'title']) {
              const v = el.getAttribute(a);
              if (v && /[A-Za-z]/.test(strip(v))) found.push(a + ': ' + strip(v));
            }
          }
          return found;
        }
        """;
}
