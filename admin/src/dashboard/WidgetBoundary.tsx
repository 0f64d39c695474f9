/** One broken widget shows a notice in its cell instead of blanking the whole dashboard. */
import { Component, type ReactNode } from 'react';
import { Alert } from '@mui/material';
import { useTranslate } from 'react-admin';

function Failed() {
  const translate = useTranslate();
  return <Alert severity="warning">{translate('his.dashboard.widget_failed')}</Alert>;
}

export class WidgetBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  componentDidCatch(error: unknown) {
    console.error('A dashboard widget failed', error);
  }

  render() {
    return this.state.failed ? <Failed /> : this.props.children;
  }
}
