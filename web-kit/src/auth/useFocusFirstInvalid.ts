import { useEffect, useRef, useState, type RefObject } from 'react';

/**
 * After a rejected submit, moves focus to the form's first invalid control: a screen reader then
 * reads its label and the error tied to it (aria-describedby), and a keyboard user is already there.
 * Call `rejected()` whenever a submit ends with field errors.
 */
export function useFocusFirstInvalid(): { formRef: RefObject<HTMLFormElement | null>; rejected: () => void } {
  const formRef = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);
  return { formRef, rejected: () => setAttempt((n) => n + 1) };
}
