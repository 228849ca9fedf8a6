// Short confirmations ("Profile saved") in a polite live region above the tab bar. They leave on
// their own after a few seconds and never hold anything the user must read twice.
import {
  createContext,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import styles from './Toast.module.css';

type ToastMessage = { id: number; text: string };
type ShowToast = (text: string) => void;

const ToastContext = createContext<ShowToast>(() => undefined);

const VISIBLE_MS = 4_000;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [messages, setMessages] = useState<ToastMessage[]>([]);
  const nextId = useRef(1);

  const showToast = useCallback<ShowToast>((text) => {
    const id = nextId.current++;
    setMessages((current) => [...current.slice(-2), { id, text }]);
    window.setTimeout(() => {
      setMessages((current) => current.filter((message) => message.id !== id));
    }, VISIBLE_MS);
  }, []);

  const value = useMemo(() => showToast, [showToast]);

  return (
    <ToastContext value={value}>
      {children}
      <div className={styles.region} role="status" aria-live="polite">
        {messages.map((message) => (
          <p key={message.id} className={styles.toast}>
            {message.text}
          </p>
        ))}
      </div>
    </ToastContext>
  );
}

export function useToast(): ShowToast {
  return useContext(ToastContext);
}
