/**
 * The blob store of the claim-check pattern (DESIGN §2): DICOM series, masks and reports stay here and events
 * carry their URIs. Kafka-free. {@link org.radstream.streaming.blob.FileSystemBlobStore} is the default (a local
 * or shared directory, {@code file:} URIs, atomic writes, content addressing for quarantined input).
 */
package org.radstream.streaming.blob;
