export * from './SignInForm';
