// Long forms keep what the user typed: once a form is changed, leaving the page inside the app (a menu item,
// a link, the browser's back button) asks first, and so does closing or reloading the tab (the browser's own
// question). Saving, or discarding on purpose, lifts the guard.
import { Modal } from 'antd';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useBlocker, type BlockerFunction } from 'react-router-dom';
import { useT } from '../i18n/context.ts';

export interface UnsavedGuard {
  /** Render it once in the form (the confirmation dialog lives there). */
  holder: ReactNode;
  /** The form was changed (give it to the Form's onValuesChange). */
  changed: () => void;
  /** Saved or discarded: leaving no longer asks. Call before navigating away after a save. */
  saved: () => void;
  /** For a dialog's cancel: asks first when the form was changed, then runs `close`. */
  confirmClose: (close: () => void) => void;
}

export function useUnsavedGuard(): UnsavedGuard {
  const t = useT();
  const [modal, holder] = Modal.useModal();
  // A ref for the blocker (a save navigates in the same tick as it lifts the guard), state for the tab listener.
  const dirty = useRef(false);
  const [armed, setArmed] = useState(false);
  const shouldBlock = useCallback<BlockerFunction>(
    ({ currentLocation, nextLocation }) => dirty.current && (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
    [],
  );
  const blocker = useBlocker(shouldBlock);

  const ask = useCallback(
    (leave: () => void, stay: () => void) => {
      void modal.confirm({
        title: t('common.unsaved.title'),
        content: t('common.unsaved.content'),
        okText: t('common.unsaved.leave'),
        cancelText: t('common.unsaved.stay'),
        okButtonProps: { danger: true, 'data-testid': 'unsaved-leave' },
        cancelButtonProps: { 'data-testid': 'unsaved-stay' },
        onOk: leave,
        onCancel: stay,
      });
    },
    [modal, t],
  );

  // One question per blocked navigation (a re-render while it is open asks nothing more).
  const asking = useRef(false);
  useEffect(() => {
    if (blocker.state !== 'blocked') {
      asking.current = false;
      return;
    }
    if (asking.current) return;
    asking.current = true;
    ask(
      () => {
        dirty.current = false;
        setArmed(false);
        blocker.proceed();
      },
      () => blocker.reset(),
    );
  }, [blocker, ask]);

  useEffect(() => {
    if (!armed) return undefined;
    const onUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older browsers ask only when returnValue is set.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, [armed]);

  const changed = useCallback(() => {
    if (dirty.current) return;
    dirty.current = true;
    setArmed(true);
  }, []);
  const saved = useCallback(() => {
    dirty.current = false;
    setArmed(false);
  }, []);
  const confirmClose = useCallback(
    (close: () => void) => {
      if (!dirty.current) {
        close();
        return;
      }
      ask(() => {
        dirty.current = false;
        setArmed(false);
        close();
      }, () => undefined);
    },
    [ask],
  );
  return { holder, changed, saved, confirmClose };
}
