// The print button needs script: without it the button stays hidden and the browser's own
// Print command prints the same page.
const button = document.querySelector<HTMLButtonElement>('[data-print]');
if (button) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
