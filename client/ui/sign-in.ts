import { signIn, type Me } from '../api.ts';
import { t } from '../i18n.ts';
import { h } from './dom.ts';

/**
 * A modal sign-in form (for when `me` is null: users exist and the server is
 * not in open mode). Resolves with who signed in; wrong credentials are shown
 * in the form, which stays open.
 */
export function askSignIn(): Promise<Me> {
  return new Promise((resolve) => {
    const name = h('input', { id: 'sign-in-name', name: 'username', autocomplete: 'username', required: true });
    const password = h('input', { id: 'sign-in-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
    const message = h('p', { className: 'error', role: 'alert' });
    const submit = h('button', { type: 'submit' }, t('signIn'));
    const form = h(
      'form',
      { method: 'dialog' },
      h('h2', { id: 'sign-in-title' }, t('signInTitle')),
      h('p', { className: 'hint' }, t('signInHint')),
      h('label', { for: 'sign-in-name' }, t('userName')),
      name,
      h('label', { for: 'sign-in-password' }, t('password')),
      password,
      message,
      submit,
    );
    const dialog = h('dialog', { className: 'sign-in', 'aria-labelledby': 'sign-in-title' }, form);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      submit.disabled = true;
      message.textContent = '';
      signIn(name.value.trim(), password.value).then(
        (me) => {
          dialog.close();
          dialog.remove();
          resolve(me);
        },
        (error: unknown) => {
          message.textContent = error instanceof Error ? error.message : String(error);
          submit.disabled = false;
          password.select();
        },
      );
    });
    // Escape must not leave the app without a session.
    dialog.addEventListener('cancel', (e) => e.preventDefault());
    document.body.append(dialog);
    dialog.showModal();
    name.focus();
  });
}
