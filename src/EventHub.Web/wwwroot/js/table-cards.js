// Tables that do not fit become cards: every cell gets its column's header as data-label, and a table wider than the space
// it has is marked "as-cards", which app.css lays out as one card per row with "Label: value" lines. On a phone every table
// is shown that way. One observer serves every page (tables re-rendered by Blazor, pages reached by enhanced navigation).
(() => {
    const label = table => {
        const headers = [...table.querySelectorAll(':scope > thead > tr > th')].map(th => th.textContent.trim());
        if (headers.length === 0) {
            return;
        }
        for (const row of table.querySelectorAll(':scope > tbody > tr')) {
            [...row.children].forEach((cell, i) => {
                if (!cell.hasAttribute('data-label') && headers[i]) {
                    cell.setAttribute('data-label', headers[i]);
                }
            });
        }
    };

    const phone = window.matchMedia('(max-width: 767.98px)');
    const fit = () => {
        for (const table of document.querySelectorAll('main table:not(.keep-table)')) {
            label(table);
            if (phone.matches) {
                table.classList.add('as-cards');
                continue;
            }
            table.classList.remove('as-cards');
            const space = (table.closest('.table-responsive') ?? table.parentElement)?.clientWidth ?? 0;
            if (space > 0 && table.scrollWidth > space + 1) {
                table.classList.add('as-cards');
            }
        }
    };

    let pending = false;
    const schedule = () => {
        if (!pending) {
            pending = true;
            requestAnimationFrame(() => { pending = false; fit(); });
        }
    };

    new MutationObserver(schedule).observe(document.documentElement, { childList: true, subtree: true });
    window.addEventListener('resize', schedule);
    phone.addEventListener('change', schedule);
    document.addEventListener('DOMContentLoaded', schedule);
    schedule();
})();
