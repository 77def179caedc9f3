// Selects a finding's span in the report's textarea and scrolls it into view.
export function selectRange(textarea, start, end) {
    if (!textarea) return;
    textarea.focus();
    textarea.setSelectionRange(start, end);
    // Scroll roughly to the line: browsers do not scroll a textarea to a programmatic selection.
    const before = textarea.value.substring(0, start);
    const line = before.split("\n").length - 1;
    const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 20;
    textarea.scrollTop = Math.max(0, line * lineHeight - textarea.clientHeight / 3);
}

export async function copyText(text) {
    try {
        await navigator.clipboard.writeText(text);
        return true;
    } catch {
        return false;
    }
}

// Replaces the text (a suggestion applied, or their version taken) without re-rendering under the cursor.
export function setValue(textarea, text, selectFrom, selectTo) {
    if (!textarea) return;
    textarea.value = text;
    if (selectFrom >= 0) {
        selectRange(textarea, selectFrom, selectTo);
    }
}
