import { encode } from 'uqr';

/** A QR code drawn as SVG (no image request, no canvas): dark modules as one path, with a quiet zone. */
export function QrCode(props: { value: string; label: string; size?: number }) {
  const { data, size } = encode(props.value, { ecc: 'M', border: 4 });
  let path = '';
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) path += `M${x} ${y}h1v1h-1z`;
    }),
  );
  const px = props.size ?? 200;
  return (
    <svg
      className="qr"
      role="img"
      aria-label={props.label}
      width={px}
      height={px}
      viewBox={`0 0 ${size} ${size}`}
      shapeRendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
