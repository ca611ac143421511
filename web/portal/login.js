// The sign-in form: POST /api/auth/login, then hands the session to the app.
import { api } from './api.js';
import { session } from './session.js';

export function showLogin({ onSignedIn, notice }) {
  const screen = document.getElementById('login-screen');
  const form = document.getElementById('login-form');
  const error = document.getElementById('login-error');
  const email = document.getElementById('login-email');
  const password = document.getElementById('login-password');
  const submit = form.querySelector('button[type=submit]');

  const showError = (message) => {
    error.textContent = message ?? '';
    error.hidden = !message;
  };
  showError(notice);
  screen.hidden = false;
  email.focus();

  form.onsubmit = async (event) => {
    event.preventDefault();
    if (!email.value.trim() || !password.value) {
      showError('Enter your email and password.');
      (email.value.trim() ? password : email).focus();
      return;
    }
    submit.disabled = true;
    submit.textContent = 'Signing in…';
    showError(null);
    try {
      const { token, agent } = await api.login(email.value.trim(), password.value);
      session.start(token, agent);
      password.value = '';
      screen.hidden = true;
      onSignedIn({ freshLogin: true });
    } catch (failure) {
      showError(failure.code === 'invalid_credentials' ? 'Wrong email or password.' : failure.message);
      password.select();
    } finally {
      submit.disabled = false;
      submit.textContent = 'Sign in';
    }
  };
}
