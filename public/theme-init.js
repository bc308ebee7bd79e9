// Applies the saved or OS theme before first paint, so a dark-mode user never sees a white flash. A file, not
// an inline script, so the console runs under a Content-Security-Policy without 'unsafe-inline' or a hash.
try {
  var t = localStorage.getItem('node-console.theme')
  var dark = t === 'dark' || (t !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches)
  document.documentElement.classList.toggle('dark', dark)
} catch {
  // No storage or no matchMedia (a locked-down browser): the light theme until the app starts.
}
