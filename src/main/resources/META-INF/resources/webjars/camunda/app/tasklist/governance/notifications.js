// Tasklist keeps a form's refusal ("Kick-off date: must not be in the past") on screen after the
// person has corrected the form and completed the task, or moved on to another task. Once the
// page shows something else (Tasklist changes its address when a task is completed or opened),
// the refusal is out of date: close it, as the person would with its x.
function closeRefusals() {
  document.querySelectorAll('.page-notifications .alert-danger button.close, .page-notifications .alert-error button.close').forEach(close => close.click());
}

let shownAddress = window.location.hash;
window.addEventListener('hashchange', () => {
  if (window.location.hash !== shownAddress) {
    shownAddress = window.location.hash;
    closeRefusals();
  }
});

export default [];
