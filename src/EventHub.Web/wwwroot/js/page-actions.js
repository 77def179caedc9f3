// Buttons that ask the browser for something (print) carry data-action instead of an inline onclick, which the
// Content-Security-Policy refuses. One listener on the document also serves pages reached by enhanced navigation.
document.addEventListener('click', event => {
    const button = event.target instanceof Element ? event.target.closest('[data-action="print"]') : null;
    if (button) {
        event.preventDefault();
        window.print();
    }
});
