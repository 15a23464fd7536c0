// Copy buttons: put the full id on the clipboard and say so on the button.
document.addEventListener('click', function (event) {
  const button = event.target.closest('button.copy');
  if (!button) { return; }
  navigator.clipboard.writeText(button.dataset.copy).then(function () {
    button.textContent = 'Copied';
    button.dataset.copied = 'true';
  });
});
