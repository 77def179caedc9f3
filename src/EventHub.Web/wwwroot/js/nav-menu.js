// At phone width the navigation opens with the .navbar-toggler checkbox; a choice in it closes it again.
// (The template did this with an inline onclick, which the Content-Security-Policy refuses: no inline script runs.)
document.addEventListener('click', event => {
    if (event.target instanceof Element && event.target.closest('.nav-scrollable')) {
        const toggler = document.querySelector('.navbar-toggler');
        if (toggler && toggler.checked) {
            toggler.click();
        }
    }
});
