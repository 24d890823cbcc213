export * from './AuthCard';
export * from './ChangePasswordForm';
export * from './ForgotPasswordForm';
export * from './password-rules';
export * from './ResetPasswordForm';
export * from './SignInForm';
