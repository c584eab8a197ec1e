import { ApiError, createFirstAdmin, signIn, type Me } from '../api.ts';
import { t } from '../i18n.ts';
import { errorText, h } from './dom.ts';

/** The server's minimum password length (server/auth/secrets.ts). */
const MIN_PASSWORD_LENGTH = 10;

/** A refusal in the UI language: the server's messages are English. */
function accountErrorText(error: unknown): string {
  if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') return t('wrongPassword');
  if (error instanceof ApiError && error.code === 'RATE_LIMITED') return t('tooManyAttempts');
  return errorText(error);
}

interface AccountForm {
  title: string;
  hint: string;
  submitLabel: string;
  /** New account: password typed twice, checked for length first. */
  newPassword: boolean;
  submit(name: string, password: string): Promise<Me>;
}

/**
 * A modal account form. Resolves with who signed in; refusals are shown in
 * the form, which stays open (Escape does not leave the app without a session).
 */
function accountDialog(form: AccountForm): Promise<Me> {
  return new Promise((resolve) => {
    const name = h('input', { id: 'sign-in-name', name: 'username', autocomplete: 'username', required: true });
    const password = h('input', {
      id: 'sign-in-password',
      name: 'password',
      type: 'password',
      autocomplete: form.newPassword ? 'new-password' : 'current-password',
      required: true,
    });
    const repeat = form.newPassword
      ? h('input', { id: 'sign-in-repeat', name: 'repeat', type: 'password', autocomplete: 'new-password', required: true })
      : null;
    const message = h('p', { className: 'error', role: 'alert' });
    const submit = h('button', { type: 'submit' }, form.submitLabel);
    const el = h(
      'form',
      { method: 'dialog' },
      h('h2', { id: 'sign-in-title' }, form.title),
      h('p', { className: 'hint' }, form.hint),
      h('label', { for: 'sign-in-name' }, t('userName')),
      name,
      h('label', { for: 'sign-in-password' }, t('password')),
      password,
      repeat ? h('label', { for: 'sign-in-repeat' }, t('repeatPassword')) : null,
      repeat,
      message,
      submit,
    );
    const dialog = h('dialog', { className: 'sign-in', 'aria-labelledby': 'sign-in-title' }, el);
    el.addEventListener('submit', (e) => {
      e.preventDefault();
      message.textContent = '';
      if (form.newPassword && password.value.length < MIN_PASSWORD_LENGTH)
        return void (message.textContent = t('passwordTooShort', { n: MIN_PASSWORD_LENGTH }));
      if (repeat && repeat.value !== password.value) return void (message.textContent = t('passwordsDiffer'));
      submit.disabled = true;
      form.submit(name.value.trim(), password.value).then(
        (me) => {
          dialog.close();
          dialog.remove();
          resolve(me);
        },
        (error: unknown) => {
          message.textContent = accountErrorText(error);
          submit.disabled = false;
          password.select();
        },
      );
    });
    dialog.addEventListener('cancel', (e) => e.preventDefault());
    document.body.append(dialog);
    dialog.showModal();
    name.focus();
  });
}

/** The sign-in form (for when `me` is null: users exist and the server is not in open mode). */
export function askSignIn(): Promise<Me> {
  return accountDialog({ title: t('signInTitle'), hint: t('signInHint'), submitLabel: t('signIn'), newPassword: false, submit: signIn });
}

/** First run: the form that creates the first admin through the running server, and signs them in. */
export function askFirstAdmin(): Promise<Me> {
  return accountDialog({ title: t('firstAdminTitle'), hint: t('firstAdminHint'), submitLabel: t('create'), newPassword: true, submit: createFirstAdmin });
}
