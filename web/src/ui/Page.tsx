import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';

let firstPage = true;

/**
 * A page: its title in the tab, one h1, and on arrival (after the first page) focus on that heading,
 * so screen readers announce the new page and keyboard users start from its top.
 */
export function Page(props: { title: string; children?: ReactNode; lead?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  useEffect(() => {
    document.title = `${props.title} · Kinship`;
  }, [props.title]);
  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    heading.current?.focus();
  }, [location.pathname]);
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {props.title}
      </h1>
      {props.lead && <p className="lead">{props.lead}</p>}
      {props.children}
    </>
  );
}
