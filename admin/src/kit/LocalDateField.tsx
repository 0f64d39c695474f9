/**
 * A date in the user's language with the month in words ("12 Apr 1990", "12 avr. 1990"):
 * 4/12/1990 reads as April in one language and December in the other, which a birth date
 * must never do.
 */
import { DateField, useLocaleState, type DateFieldProps } from 'react-admin';

const DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
const DATE_TIME: Intl.DateTimeFormatOptions = { ...DATE, hour: '2-digit', minute: '2-digit' };

export function LocalDateField(props: DateFieldProps) {
  const [locale] = useLocaleState();
  return <DateField locales={locale} options={props.showTime ? DATE_TIME : DATE} {...props} />;
}
