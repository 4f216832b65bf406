document.getElementById('accept').addEventListener('click', () => window.consentry.acceptAll());
document.getElementById('reject').addEventListener('click', () => window.consentry.rejectAll());
