// Brings a person back to the page that sent them to log in (Swagger UI, for example): the service
// redirects to this app with ?return=<path of the page>. Only a path on this service is followed.
const RETURN = new URLSearchParams(window.location.search).get('return');

function safeTarget(path) {
  return path && path.startsWith('/') && !path.startsWith('//') && !path.includes('\\') ? path : null;
}

function returnOnceLoggedIn() {
  const target = safeTarget(RETURN);
  // Welcome's routes: #!/login until the person has logged in, then #!/welcome.
  if (target && window.location.hash && !/^#!?\/login/.test(window.location.hash)) {
    window.location.replace(target);
  }
}

window.addEventListener('hashchange', returnOnceLoggedIn);
returnOnceLoggedIn();

export default [];
